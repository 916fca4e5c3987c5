import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { listNotifications } from "@/lib/notifications/service";
import { MarkAllReadButton, MarkReadButton } from "@/app/(portal)/notifications/_components/notification-controls";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** The signed-in user's notifications (applications reaching their queue, returned, decided), newest first. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const actor = await guardPage("notification.read", (a) => ({ type: "self", userId: a.id }));
  const t = await getTranslations();
  const dates = await dateFormatter();
  const list = await listNotifications(actor.id, (await searchParams).page);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
        {list.unread > 0 ? <MarkAllReadButton /> : null}
      </div>
      <p className="text-sm text-muted-foreground" role="status">
        {t("notifications.unread", { count: list.unread })}
      </p>
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          {list.rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("notifications.empty")}</p>
          ) : (
            <ul className="flex flex-col divide-y" data-testid="notifications">
              {list.rows.map((n) => (
                <li key={n.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      {n.readAt ? null : <Badge>{t("notifications.new")}</Badge>}
                      {n.link ? (
                        <Link href={n.link} className="font-medium text-primary underline-offset-2 hover:underline">
                          {n.title}
                        </Link>
                      ) : (
                        <span className="font-medium">{n.title}</span>
                      )}
                    </div>
                    <p className="mt-1 text-sm">{n.body}</p>
                    <time className="text-xs text-muted-foreground" dateTime={n.createdAt.toISOString()} data-testid="notification-time">
                      {dates.dateTime(n.createdAt)}
                    </time>
                  </div>
                  {n.readAt ? null : <MarkReadButton id={n.id} title={n.title} />}
                </li>
              ))}
            </ul>
          )}
          <Pager page={list.page} pages={list.pages} total={list.total} href={(n) => `/notifications?page=${n}`} label={t("applications.queue.pagination")} />
        </CardContent>
      </Card>
    </div>
  );
}
