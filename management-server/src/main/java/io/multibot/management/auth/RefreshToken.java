package io.multibot.management.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A refresh token, kept only as the SHA-256 of its value. Each use revokes it and issues a new one;
 * presenting a revoked token again revokes all of its user's tokens (the token was stolen).
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @ManyToOne(optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private User user;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(nullable = false)
  private boolean revoked;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RefreshToken() {}

  RefreshToken(String tokenHash, User user, Instant expiresAt, Instant now) {
    this.tokenHash = tokenHash;
    this.user = user;
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  User getUser() {
    return user;
  }

  boolean isUsable(Instant now) {
    return !revoked && now.isBefore(expiresAt);
  }

  boolean isRevoked() {
    return revoked;
  }

  void revoke() {
    this.revoked = true;
  }
}
