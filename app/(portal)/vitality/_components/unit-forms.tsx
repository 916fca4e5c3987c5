"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Input, Select, Textarea } from "@/components/ui/input";
import { admonitionTalkAction, chairpersonAdjustmentAction, createBallotAction, higherEvaluationAction } from "../actions";

const OPTIONAL_ITEMS = ["CHAIRPERSON", "ORGANISATION", "COLLECTIVE_CONSULTATION", "DEMOCRATIC_MANAGEMENT"] as const;

/** 四.2: a members' ballot — the committee's work is always evaluated (it drives the members' rate). */
export function CreateBallotForm({ enrolmentId, memberCount, twoPlusX }: { enrolmentId: number; memberCount: number; twoPlusX: boolean }) {
  const t = useTranslations("vitality");
  return (
    <ActionForm action={createBallotAction} className="grid gap-4 sm:grid-cols-2" aria-label={t("ballot.createTitle")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <Field name="meetingName" label={t("ballot.meetingName")} required>
        {(p) => <Input {...p} maxLength={120} defaultValue={t("ballot.meetingDefault")} />}
      </Field>
      <Field name="meetingDate" label={t("ballot.meetingDate")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <Field name="due" label={t("ballot.due")} required hint={t("ballot.dueHint")}>
        {(p) => <Input {...p} inputMode="numeric" maxLength={6} defaultValue={String(memberCount)} />}
      </Field>
      <Field name="kind" label={t("ballot.kind")} required>
        {(p) => (
          <Select {...p} defaultValue="ONLINE">
            <option value="ONLINE">{t("ballot.kinds.ONLINE")}</option>
            <option value="PAPER">{t("ballot.kinds.PAPER")}</option>
          </Select>
        )}
      </Field>
      <fieldset className="flex flex-col gap-2 sm:col-span-2">
        <legend className="text-sm font-medium">{t("ballot.items")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked disabled className="size-4" />
          {t("items.COMMITTEE")}
        </label>
        {OPTIONAL_ITEMS.filter((i) => !(twoPlusX && i === "COLLECTIVE_CONSULTATION")).map((item) => (
          <label key={item} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="items" value={item} defaultChecked={item === "CHAIRPERSON"} className="size-4" />
            {t(`items.${item}`)}
          </label>
        ))}
      </fieldset>
      <div className="sm:col-span-2">
        <SubmitButton>{t("ballot.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** 四.2 上级组织的工作评价 (percent, like the members' rate). */
export function HigherEvaluationForm({ enrolmentId, defaults }: { enrolmentId: number; defaults: { score?: string; party?: string } }) {
  const t = useTranslations("vitality");
  return (
    <ActionForm action={higherEvaluationAction} className="grid gap-4 sm:grid-cols-3" aria-label={t("evaluation.title")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <Field name="scorePercent" label={t("evaluation.score")} required hint={t("evaluation.scoreHint")}>
        {(p) => <Input {...p} inputMode="decimal" maxLength={6} defaultValue={defaults.score} />}
      </Field>
      <Field name="partyOrganisation" label={t("enrol.partyOrganisation")} required>
        {(p) => <Input {...p} maxLength={120} defaultValue={defaults.party} />}
      </Field>
      <Field name="evaluatedOn" label={t("evaluation.date")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <div className="sm:col-span-3">
        <SubmitButton>{t("evaluation.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** 四.2 诫勉谈话: by the upper union with the unit's party organisation, with a rectification deadline. */
export function AdmonitionTalkForm({ enrolmentId, participants }: { enrolmentId: number; participants: string }) {
  const t = useTranslations("vitality.talk");
  return (
    <ActionForm action={admonitionTalkAction} className="grid gap-4 sm:grid-cols-3" aria-label={t("formTitle")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <Field name="heldOn" label={t("heldOn")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <Field name="rectificationDeadline" label={t("deadline")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <Field name="participants" label={t("participants")} required hint={t("participantsHint")} className="sm:col-span-3">
        {(p) => <Input {...p} maxLength={300} defaultValue={participants} />}
      </Field>
      <div className="sm:col-span-3">
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** 四.2 连续两次不满意率超过50%: the decision adjusting the chairperson. */
export function ChairpersonAdjustmentForm({ enrolmentId }: { enrolmentId: number }) {
  const t = useTranslations("vitality.adjustment");
  return (
    <ActionForm action={chairpersonAdjustmentAction} className="grid gap-4" aria-label={t("formTitle")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <Field name="decidedOn" label={t("decidedOn")} required>
        {(p) => <Input {...p} type="date" className="max-w-xs" />}
      </Field>
      <Field name="decision" label={t("decision")} required hint={t("decisionHint")}>
        {(p) => <Textarea {...p} rows={3} maxLength={500} />}
      </Field>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
