package org.edm.phy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * phy-core is the functional core (architecture.md §1): it depends on nothing but the JDK and Agrona, never reads a
 * clock, starts a thread or does I/O, so that the same objects run in the agents and in the simulator.
 */
class DependencyRulesTest
{
    private static final JavaClasses CORE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.edm.phy");

    @Test
    void shouldDependOnlyOnTheJdkAndAgrona()
    {
        classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.edm.phy..", "java..", "org.agrona..")
            .check(CORE);
    }

    @Test
    void shouldNotReadClocksStartThreadsOrDoIo()
    {
        noClasses().should().callMethod(System.class, "nanoTime")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().dependOnClassesThat().resideInAnyPackage(
                "java.io..", "java.nio.channels..", "java.nio.file..", "java.net..", "java.util.concurrent..",
                "java.lang.foreign..")
            .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
            .because("phy-core is pure and slot-driven; time is a slot number handed in")
            .check(CORE);
    }
}
