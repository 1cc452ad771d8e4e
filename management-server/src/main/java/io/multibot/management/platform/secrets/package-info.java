/**
 * Encryption of stored secrets (bot API passwords, exchange keys): AES-256-GCM with a key ring, so
 * keys can be rotated without losing what older keys encrypted.
 */
package io.multibot.management.platform.secrets;
