/** E-mail out through the deployment's SMTP server (SMTP_URL); one transport per configuration. */
import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpSettings } from './env.ts';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

const transports = new WeakMap<SmtpSettings, Transporter>();

function transportOf(smtp: SmtpSettings): Transporter {
  let t = transports.get(smtp);
  if (!t) {
    t = createTransport(smtp.url, { from: smtp.from });
    transports.set(smtp, t);
  }
  return t;
}

export async function sendMail(smtp: SmtpSettings, mail: Mail): Promise<void> {
  await transportOf(smtp).sendMail({
    from: smtp.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    // Vietnamese is sent as UTF-8; nodemailer encodes the subject (RFC 2047) and the body.
    textEncoding: 'quoted-printable',
  });
}
