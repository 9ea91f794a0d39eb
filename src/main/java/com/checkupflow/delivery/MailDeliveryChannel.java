package com.checkupflow.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through Spring Mail ({@code spring.mail.*}). The idempotency key is the Message-ID, so that a mail client
 * can drop a duplicate should one ever leave (the receipt table prevents it on our side).
 */
@Component
class MailDeliveryChannel implements DeliveryChannel {

    static final String NAME = "EMAIL";

    private final ObjectProvider<JavaMailSender> mailSender;
    private final DeliveryProperties properties;

    MailDeliveryChannel(ObjectProvider<JavaMailSender> mailSender, DeliveryProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String send(DeliveryMessage message) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailedException("mail_not_configured", null);
        }
        if (message.recipient() == null) {
            throw new DeliveryFailedException("no_email_address", null);
        }
        String messageId = "<" + message.idempotencyKey() + "@checkupflow>";
        try {
            MimeMessage mime = new MimeMessage(sender.createMimeMessage().getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            helper.addAttachment(message.fileName(), new ByteArrayResource(message.pdf()), "application/pdf");
            sender.send(mime);
            return messageId;
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailedException("mail_send_failed", e);
        }
    }
}
