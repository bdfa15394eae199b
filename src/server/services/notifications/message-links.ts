/**
 * What messages written now need to know about the installation: the address people open the
 * app at (for links in emails) and the sender's mail domain (for Message-IDs). Set once at
 * start from PUBLIC_URL and MAIL_FROM; a message keeps the links it was written with.
 */
const installation = { publicUrl: 'http://localhost:3000', mailDomain: 'localhost' };

export function configureMessageLinks(o: { publicUrl: string; mailFrom: string }): void {
  installation.publicUrl = o.publicUrl.replace(/\/+$/, '');
  installation.mailDomain = /@([^>\s]+)>?\s*$/.exec(o.mailFrom)?.[1] ?? 'localhost';
}

/** The page a reader opens from the email's unsubscribe line. */
export function unsubscribePageUrl(messageId: string): string {
  return `${installation.publicUrl}/unsubscribe/${messageId}`;
}

/** The one-click address for the List-Unsubscribe header (RFC 8058), which mail clients POST to. */
export function unsubscribeOneClickUrl(messageId: string): string {
  return `${installation.publicUrl}/api/unsubscribe/${messageId}`;
}

/** A Message-ID fixed when the message is written, so a resend is recognizably the same message. */
export function messageIdFor(messageId: string): string {
  return `${messageId}@${installation.mailDomain}`;
}

/** Where staff sign in. */
export function signInPageUrl(): string {
  return `${installation.publicUrl}/login`;
}

/** The web page that takes a password reset token and a new password. */
export function passwordResetPageUrl(token: string): string {
  return `${installation.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/** The family-portal page an invited guardian opens to choose their password (the token is a password reset token). */
export function portalWelcomePageUrl(token: string, email: string): string {
  return `${installation.publicUrl}/portal/welcome?token=${encodeURIComponent(token)}&email=${encodeURIComponent(email)}`;
}
