import { Suspense } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/server/action";
import { isDemoOrganization } from "@/lib/org/queries";
import { navFor } from "@/lib/nav";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { setLocaleAction } from "@/app/login/actions";
import { signOutAction } from "./actions";
import { FlashBanner } from "@/components/shell/flash-banner";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const demo = await isDemoOrganization(actor.organizationId);
  const links = navFor(actor).map((item) => ({ href: item.href, label: t(`nav.${item.label}`) }));
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
        {t("app.skipToContent")}
      </a>
      {demo ? (
        <div className="bg-amber-100 px-4 py-1 text-center text-xs text-amber-900 print:hidden">{t("app.demoBanner")}</div>
      ) : null}
      <header className="sticky top-0 z-30 border-b bg-background/95 backdrop-blur print:hidden">
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-3 py-2 sm:px-6">
          <MobileNav links={links} menuLabel={t("app.menu")} closeLabel={t("app.closeMenu")} />
          <Link href="/" className="min-w-0 flex-1 truncate font-semibold text-primary">
            <span className="hidden sm:inline">{t("app.title")}</span>
            <span className="sm:hidden">{t("app.shortTitle")}</span>
          </Link>
          <div className="hidden text-right text-xs leading-tight lg:block" data-testid="current-user">
            <div className="font-medium">{actor.displayName}</div>
            <div className="text-muted-foreground">{actor.orgName}</div>
          </div>
          <NotificationBell userId={actor.id} />
          <LocaleSwitch back="/" action={setLocaleAction} />
          <SignOutButton label={t("app.signOut")} action={signOutAction} />
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 gap-6 px-3 py-4 sm:px-6">
        <aside className="hidden w-52 shrink-0 md:block print:hidden">
          <nav aria-label={t("app.menu")} className="sticky top-20">
            <NavLinks links={links} />
          </nav>
        </aside>
        <main id="main" className="min-w-0 flex-1" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Suspense fallback={null}>
        <FlashBanner closeLabel={t("app.closeMessage")} />
      </Suspense>
      <footer className="border-t px-4 py-3 text-center text-xs text-muted-foreground print:hidden">{t("app.footer")}</footer>
    </div>
  );
}
