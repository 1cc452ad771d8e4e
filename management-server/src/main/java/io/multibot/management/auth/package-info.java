/**
 * Users, roles and sign-in: passwords hashed with PBKDF2 (Jakarta Security), signed JWT access
 * tokens, rotating refresh tokens, login throttling, and the initial administrator.
 */
package io.multibot.management.auth;
