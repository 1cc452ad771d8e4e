/**
 * What a gateway does on its own to protect money when it is cut off: the {@link
 * io.multibot.gateway.safety.DeadManSwitch} pauses the entries of the managed bots it runs while it
 * cannot reach Redis (and so cannot receive a stop).
 */
package io.multibot.gateway.safety;
