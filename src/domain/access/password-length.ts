/**
 * How long a password may be: 128 is better-auth's own upper bound (a longer one would be stored
 * and then refused at every sign-in). Apart from the common-password list, so a form can say it
 * without downloading the list.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
