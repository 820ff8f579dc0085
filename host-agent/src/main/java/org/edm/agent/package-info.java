/**
 * The agent runtime shared by the host and switch agents: the slot clock that paces every port at the emulated line
 * rate, the carrier link, threading modes ({@link org.edm.agent.AgentRuntime}), idle strategies by alias and the
 * error handling of agent threads.
 */
package org.edm.agent;
