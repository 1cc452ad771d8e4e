package io.multibot.management.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Someone who signs in to the API. The password is stored only as a salted PBKDF2 hash. */
@Entity
@Table(name = "app_user")
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 500)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /**
   * Incremented whenever the user's access tokens must stop working (see {@link #revokeTokens}).
   */
  @Column(name = "token_version", nullable = false)
  private int tokenVersion;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected User() {}

  public User(
      String username, String passwordHash, Role role, boolean mustChangePassword, Instant now) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.mustChangePassword = mustChangePassword;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void changePassword(String newHash, Instant now) {
    revokeTokens();
    this.passwordHash = newHash;
    this.mustChangePassword = false;
    this.updatedAt = now;
  }

  void resetPassword(String newHash, Instant now) {
    revokeTokens();
    this.passwordHash = newHash;
    this.mustChangePassword = true;
    this.updatedAt = now;
  }

  void update(Role newRole, boolean nowEnabled, Instant now) {
    if (newRole != role || (enabled && !nowEnabled)) {
      revokeTokens();
    }
    this.role = newRole;
    this.enabled = nowEnabled;
    this.updatedAt = now;
  }

  /**
   * Access tokens issued before now stop working: they carry the old version. A role change,
   * disabling and a password change or reset call this; the new tokens carry the new role.
   */
  void revokeTokens() {
    tokenVersion++;
  }

  public int getTokenVersion() {
    return tokenVersion;
  }

  void signedIn(Instant now) {
    this.lastLoginAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getRowVersion() {
    return rowVersion;
  }
}
