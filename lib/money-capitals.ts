/**
 * Amounts in Chinese capitals (大写金额) as finance staff write them on vouchers,
 * after 中国人民银行《支付结算办法》附一《正确填写票据和结算凭证的基本规定》:
 * 壹贰叁…玖, 拾佰仟万亿; "整" after 元 or 角 when nothing follows, never after 分;
 * one 零 for a run of zeros inside the number; 零 after 元 when 角 is 0 and 分 is not.
 * Pure; used by the confirmation before money moves (components/form/confirm-submit.tsx).
 *
 * The npm package nzh was checked and not used: it writes 2,400.00 as 贰仟肆佰元
 * (no 整) and 100.10 as 壹佰元壹角 (no 整).
 */

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"] as const;
const PLACES = ["", "拾", "佰", "仟"] as const;
const SECTIONS = ["", "万", "亿", "万亿"] as const;

/** Largest amount written: 9,999,999,999,999,999.99 yuan (16 integer digits). */
const AMOUNT = /^(-)?(\d{1,16})(?:\.(\d)(\d)?)?$/;

/** The integer yuan part in capitals, without 元 ("" for 0). */
function integerCapitals(digits: string): string {
  const trimmed = digits.replace(/^0+/, "");
  let out = "";
  let pendingZero = false;
  const n = trimmed.length;
  for (let i = 0; i < n; i++) {
    const d = Number(trimmed[i]);
    const pos = n - 1 - i;
    if (d === 0) pendingZero = out !== "";
    else {
      if (pendingZero) out += "零";
      pendingZero = false;
      out += `${DIGITS[d]}${PLACES[pos % 4]}`;
    }
    // End of a 4-digit section: its unit (万, 亿), unless the whole section is zero.
    if (pos % 4 === 0 && pos > 0) {
      const section = trimmed.slice(Math.max(0, i - 3), i + 1);
      if (/[1-9]/.test(section)) out += SECTIONS[pos / 4] ?? "";
    }
  }
  return out;
}

/**
 * `amount` (yuan, e.g. "2400.00", "2,400.00", a Decimal's toFixed(2), or a number)
 * in Chinese capitals: 2400 → 贰仟肆佰元整, 0.05 → 伍分, 10010 → 壹万零壹拾元整.
 * @throws RangeError for anything that is not an amount with at most 2 decimals and 16 integer digits
 */
export function amountInCapitals(amount: string | number | { toFixed(digits: number): string }): string {
  const text = typeof amount === "string" ? amount.replace(/[,，\s]/g, "") : typeof amount === "number" ? amount.toFixed(2) : amount.toFixed(2);
  const match = AMOUNT.exec(text);
  if (!match) throw new RangeError(`not an amount in yuan: ${String(amount)}`);
  const [, minus, intDigits, jiaoDigit = "0", fenDigit = "0"] = match;
  const jiao = Number(jiaoDigit);
  const fen = Number(fenDigit);
  const yuan = integerCapitals(intDigits!);
  let out: string;
  if (yuan === "") {
    if (jiao === 0 && fen === 0) return "零元整";
    out = jiao > 0 ? `${DIGITS[jiao]}角${fen > 0 ? `${DIGITS[fen]}分` : "整"}` : `${DIGITS[fen]}分`;
  } else if (jiao === 0 && fen === 0) out = `${yuan}元整`;
  else if (jiao === 0) out = `${yuan}元零${DIGITS[fen]}分`;
  else out = `${yuan}元${DIGITS[jiao]}角${fen > 0 ? `${DIGITS[fen]}分` : "整"}`;
  return minus ? `负${out}` : out;
}
