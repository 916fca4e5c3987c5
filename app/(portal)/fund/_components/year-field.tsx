import { getTranslations } from "next-intl/server";
import { Select } from "@/components/ui/input";

/**
 * The year picker of the fund pages: the shown year, the current year and
 * every year with data, newest first.
 */
export async function YearField({ id, year, currentYear, years }: { id: string; year: number; currentYear: number; years: readonly number[] }) {
  const t = await getTranslations("fund");
  const options = [...new Set([year, currentYear, ...years])].sort((a, b) => b - a);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium">
        {t("yearLabel")}
      </label>
      <Select id={id} name="year" defaultValue={year} className="w-32">
        {options.map((y) => (
          <option key={y} value={y}>
            {t("yearValue", { year: y })}
          </option>
        ))}
      </Select>
    </div>
  );
}
