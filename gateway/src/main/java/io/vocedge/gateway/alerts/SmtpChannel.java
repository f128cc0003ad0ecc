package io.vocedge.gateway.alerts;

import io.vocedge.gateway.alerts.AlertsSettings.Channel;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/**
 * E-mail over SMTP (STARTTLS required off loopback) or SMTPS, with Jakarta Mail (Eclipse Angus). The Message-ID is
 * derived from the batch id, so a retried mail carries the same id and mail clients thread or drop the copy.
 */
public final class SmtpChannel implements ChannelSender {
    private final Channel channel;
    private final Session session;

    public SmtpChannel(Channel channel) {
        this.channel = channel;
        boolean ssl = "smtps".equalsIgnoreCase(channel.url().getScheme());
        String p = ssl ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put(p + "host", channel.url().getHost());
        props.put(
                p + "port",
                Integer.toString(channel.url().getPort() > 0 ? channel.url().getPort() : ssl ? 465 : 587));
        long timeout = channel.timeout().toMillis();
        props.put(p + "connectiontimeout", Long.toString(timeout));
        props.put(p + "timeout", Long.toString(timeout));
        props.put(p + "writetimeout", Long.toString(timeout));
        props.put(p + "auth", Boolean.toString(channel.user() != null));
        if (ssl) {
            props.put("mail.smtps.ssl.checkserveridentity", "true");
        } else if (channel.starttls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        props.put("mail.transport.protocol", ssl ? "smtps" : "smtp");
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(Notification n) throws Exception {
        String batch = n.batchId();
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + batch + "@voc-edge.alerts>");
            }
        };
        m.setFrom(new InternetAddress(channel.from()));
        for (String to : channel.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(HttpChannels.clip(n.headline(), 200), "UTF-8");
        m.setText(n.text(false), "UTF-8");
        m.setHeader(
                "X-VoC-Alert-Ids",
                String.join(
                        ",", n.alerts().stream().map(Notification.Item::alertId).toList()));
        m.setSentDate(new Date());
        m.saveChanges();
        try (Transport t = session.getTransport()) {
            if (channel.user() != null) {
                t.connect(channel.user(), channel.password());
            } else {
                t.connect();
            }
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
