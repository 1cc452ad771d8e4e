/**
 * Notifications: alerts raised by the rest of the application (a bot crashed, a command failed, the
 * kill switch was pulled), the rules that pick channels for them, and the durable delivery queue
 * that sends each message at least once to webhooks, Slack, Telegram, Discord, Teams and e-mail.
 */
package io.multibot.management.notify;
