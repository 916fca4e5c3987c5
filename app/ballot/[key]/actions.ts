"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientIp } from "@/lib/auth/config";
import { definePublicAction } from "@/lib/server/action";
import { ballotClientKey, castVote } from "@/lib/vitality/ballots";

/**
 * A member's vote with a one-time code (《实施方案》四.2 无记名投票). Public by design: members have no
 * account. Not audited and not logged; wrong codes are throttled per client (a hash of the address).
 * Answers arrive as a0, a1, … in the ballot's item order.
 */
export const castVoteAction = definePublicAction({
  schema: z
    .object({
      key: z.string().min(10).max(60),
      code: z.string().trim().min(1).max(40),
    })
    .catchall(z.unknown()),
  async run({ input }) {
    const answers: string[] = [];
    // At most the five items of VitalityBallotItem; castVote checks the count and the values.
    for (let i = 0; i < 5 && typeof input[`a${i}`] === "string"; i++) answers.push(input[`a${i}`] as string);
    await castVote({ publicKey: input.key, code: input.code, answers, clientKey: ballotClientKey(clientIp(await headers())) });
    return null;
  },
  redirectTo: (input) => `/ballot/${encodeURIComponent(input.key)}/receipt`,
});
