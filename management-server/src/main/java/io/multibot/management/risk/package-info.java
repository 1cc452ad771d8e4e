/**
 * Risk guards: policies over a bot, a tag or the fleet (drawdown, daily loss, open trades, a bot
 * offline while it holds positions, missed polls) that act once on their own when breached —
 * notify, pause entries, stop or emergency-stop on the priority lane — and stay tripped until
 * re-armed.
 */
package io.multibot.management.risk;
