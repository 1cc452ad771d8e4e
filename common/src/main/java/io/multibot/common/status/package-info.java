/**
 * The status stream's contract, gateway → management: {@link
 * io.multibot.common.status.StatusMessage} carrying a {@link io.multibot.common.status.BotPoll} or
 * a {@link io.multibot.common.status.ProcessEvent}, and the one bot-state vocabulary {@link
 * io.multibot.common.status.BotState}.
 */
package io.multibot.common.status;
