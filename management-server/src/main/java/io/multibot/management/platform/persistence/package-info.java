/**
 * Access to the management-server's database ({@code jdbc/multibot}): embedded Derby by default,
 * PostgreSQL when {@code DATABASE_URL} says so.
 */
package io.multibot.management.platform.persistence;
