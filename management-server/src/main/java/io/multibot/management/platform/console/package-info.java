/** The operations console: the browser application's files, served at the server's root. */
package io.multibot.management.platform.console;
