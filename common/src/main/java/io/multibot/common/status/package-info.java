/** The status stream's messages: bot polls and managed-bot process events, gateway → management. */
package io.multibot.common.status;
