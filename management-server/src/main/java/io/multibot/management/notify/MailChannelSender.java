package io.multibot.management.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Sends e-mail over SMTP with Jakarta Mail (Liberty's {@code mail-2.1}): STARTTLS required (the
 * default; a server that does not offer it is refused rather than written to in clear), implicit
 * TLS, or none for a relay on a trusted network; authenticated when the channel has a username.
 * Wrong credentials or refused recipients fail at once; a server that cannot be reached is retried.
 */
@ApplicationScoped
public class MailChannelSender {

  private static final String TIMEOUT_MS = "10000";

  SendOutcome send(ChannelConfig channel, Delivery delivery) {
    ChannelSettings s = channel.settings();
    Session session = Session.getInstance(properties(s));
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(s.from(), true));
      for (String to : s.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      message.setSubject(delivery.alert().headline(), StandardCharsets.UTF_8.name());
      message.setText(Messages.text(delivery), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("X-Multibot-Delivery", delivery.getId());
      try (Transport transport =
          session.getTransport("tls".equals(s.smtpSecurity()) ? "smtps" : "smtp")) {
        transport.connect(
            s.smtpHost(), s.smtpPort(), s.smtpUsername(), channel.secrets().password());
        transport.sendMessage(message, message.getAllRecipients());
      }
      return SendOutcome.sent("250 accepted by " + s.smtpHost());
    } catch (AuthenticationFailedException | SendFailedException e) {
      return SendOutcome.refused(channel.scrub(describe(e)));
    } catch (MessagingException e) {
      return SendOutcome.retry(channel.scrub(describe(e)), null);
    }
  }

  private static Properties properties(ChannelSettings s) {
    Properties p = new Properties();
    String protocol = "tls".equals(s.smtpSecurity()) ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", s.smtpHost());
    p.put("mail." + protocol + ".port", Integer.toString(s.smtpPort()));
    p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
    p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
    p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
    p.put("mail." + protocol + ".auth", Boolean.toString(s.smtpUsername() != null));
    if ("starttls".equals(s.smtpSecurity())) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (!"none".equals(s.smtpSecurity())) {
      p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return p;
  }

  private static String describe(MessagingException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null) {
      message += " (" + cause.getMessage() + ")";
    }
    return message.replaceAll("\\s+", " ");
  }
}
