import commonPasswords from "fxa-common-password-list";
import { AppError } from "@/lib/errors";
import { MIN_NEW_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH } from "@/lib/members/schemas";
const MAX_PASSWORD_LENGTH = 200;

/**
 * A new password: at least 12 characters and not among the 50,000 most common ones (Mozilla's
 * list, as NIST SP 800-63B asks), in any letter case. Throws `weak_password` with the reason.
 */
export function assertStrongPassword(password: string) {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    throw new AppError("weak_password", `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (length > MAX_PASSWORD_LENGTH)
    throw new AppError("weak_password", `The password must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    throw new AppError("weak_password", "This password is one of the most common ones; choose another");
  }
}
