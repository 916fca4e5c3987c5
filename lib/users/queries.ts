/** Read side of users for pages. */
import { db } from "@/lib/db";

/** The signed-in user's own account facts shown on the account page. */
export function accountOf(userId: number) {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { mustChangePassword: true, username: true } });
}
