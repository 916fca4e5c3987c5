/**
 * What happened to the cadre, by article (pure). The codes are stored in
 * Application.eventType; labels live in the message catalogues
 * (applications.eventTypes.<code>).
 */
import type { AidArticle } from "@/lib/generated/prisma/enums";

/** Event types each article covers, in the words of the article. */
export const EVENT_TYPES = {
  // 第十五条 受不公正待遇，造成一定经济损失，或身心受到严重伤害
  ART15: ["UNFAIR_TREATMENT_LOSS", "UNFAIR_TREATMENT_HARM"],
  // 第十六条 打击报复（无正当理由调动工会岗位、免职、降职、停薪等）或人身受到侵害（侮辱、诽谤、或人身伤害）
  ART16: ["UNJUSTIFIED_TRANSFER", "REMOVAL", "DEMOTION", "PAY_STOPPED", "INSULT", "DEFAMATION", "PERSONAL_INJURY"],
  // 第十七条 被解除劳动合同（含劳动合同期限已到而任期未满的）
  ART17: ["CONTRACT_TERMINATED", "CONTRACT_EXPIRED_TERM_UNFINISHED"],
} as const satisfies Record<AidArticle, readonly string[]>;

/** Does `eventType` fall under `article`? */
export function eventTypeFits(article: AidArticle, eventType: string): boolean {
  return (EVENT_TYPES[article] as readonly string[]).includes(eventType);
}
