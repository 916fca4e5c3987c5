/** The header's link to the notifications, with the unread count (server component). */
import Link from "next/link";
import { Bell } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { unreadCount } from "@/lib/notifications/service";

export async function NotificationBell({ userId }: { userId: number }) {
  const t = await getTranslations("notifications");
  const unread = await unreadCount(userId);
  const label = unread > 0 ? `${t("title")}（${t("unread", { count: unread })}）` : t("title");
  return (
    <Link href="/notifications" title={label} className="relative inline-flex size-10 items-center justify-center rounded-md hover:bg-muted" data-testid="notification-bell">
      <Bell aria-hidden="true" className="size-5" />
      <span className="sr-only">{label}</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute right-1 top-1 min-w-4 rounded-full bg-primary px-1 text-center text-[10px] font-semibold leading-4 text-primary-foreground">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
