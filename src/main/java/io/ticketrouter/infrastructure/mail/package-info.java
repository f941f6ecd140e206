/**
 * The e-mail channel: the poller reads the support mailbox by IMAP ({@link io.ticketrouter.infrastructure.mail.MailPoller})
 * and hands each customer's mail, read as text ({@link io.ticketrouter.infrastructure.mail.MailReader}), to the
 * application's {@link io.ticketrouter.application.MailIntake}; the mails to customers that the outbox keeps are sent by
 * SMTP ({@link io.ticketrouter.infrastructure.mail.SmtpMailer}). Jakarta Mail is the server's (Eclipse Angus Mail).
 */
package io.ticketrouter.infrastructure.mail;
