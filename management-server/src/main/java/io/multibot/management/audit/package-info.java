/**
 * The append-only audit log: who changed what, when, from where, with which outcome. An entry is
 * written in the same transaction as the change it describes; a request whose entry cannot be
 * written fails.
 */
package io.multibot.management.audit;
