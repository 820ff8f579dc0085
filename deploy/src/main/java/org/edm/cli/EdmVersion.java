package org.edm.cli;

import picocli.CommandLine;

/** Prints the project version and the JVM that runs it. */
final class EdmVersion implements CommandLine.IVersionProvider
{
    public String[] getVersion()
    {
        final String version = EdmMain.class.getPackage().getImplementationVersion();
        return new String[] {
            "edm " + (version == null ? "(development build)" : version),
            "JVM: " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")"
        };
    }
}
