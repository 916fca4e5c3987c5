/**
 * Hand-over of initial passwords (issue 10.1): written ONCE to a new file only
 * the portal's operator can read (mode 0600, refused when the file exists), to
 * be passed on and then deleted. The database keeps only argon2id hashes.
 */
import fs from "node:fs";
import path from "node:path";

/** One CSV field, quoted. */
const field = (v: string) => `"${v.replace(/"/g, '""')}"`;

/**
 * Write `rows` (username, display name, organisation code, password) as CSV to `file`.
 * @throws when `file` already exists (never overwrites another hand-over)
 */
export function writeCredentialsFile(file: string, rows: { username: string; displayName: string; org: string; password: string }[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, "wx", 0o600);
  try {
    fs.writeSync(fd, "\uFEFFusername,displayName,org,initialPassword\n");
    for (const r of rows) fs.writeSync(fd, `${[r.username, r.displayName, r.org, r.password].map(field).join(",")}\n`);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(file, 0o600);
}
