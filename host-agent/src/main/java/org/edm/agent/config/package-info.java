/**
 * Configuration in the Aeron style: keys with names, defaults and ranges declared as constants, one class per role,
 * read from a properties or YAML file and command-line flags, validated at start-up with messages that name the key
 * and the allowed range.
 */
package org.edm.agent.config;
