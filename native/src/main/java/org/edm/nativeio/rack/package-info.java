/** The rack description (model and YAML file) and the local rack of network namespaces joined by veth pairs. */
package org.edm.nativeio.rack;
