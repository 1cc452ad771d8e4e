/**
 * The command contract both services share: command types, their lifecycle, and the messages that
 * carry a command to a gateway and its result back.
 */
package io.multibot.common.command;
