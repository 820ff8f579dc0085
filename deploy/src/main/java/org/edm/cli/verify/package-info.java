/** {@code edm verify}: the correctness soak of a running or embedded fabric. */
package org.edm.cli.verify;
