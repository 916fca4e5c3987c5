"use client";

/**
 * A modal dialog holding one form (radix Dialog: focus trap, Esc closes,
 * labelled by its title). `children` gets `close` to call after success.
 * Use FormDialogFooter inside the form for the cancel + submit row.
 */
import { useState, type ReactNode } from "react";
import { Dialog } from "radix-ui";
import { Button, type ButtonProps } from "@/components/ui/button";

export function FormDialog({
  triggerLabel,
  triggerAriaLabel,
  triggerVariant = "outline",
  title,
  description,
  children,
}: {
  triggerLabel: ReactNode;
  triggerAriaLabel?: string;
  triggerVariant?: ButtonProps["variant"];
  title: ReactNode;
  description?: ReactNode;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button size="sm" variant={triggerVariant} aria-label={triggerAriaLabel}>
          {triggerLabel}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(30rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-background p-6 shadow-lg">
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="mb-4 text-sm text-muted-foreground">{description}</Dialog.Description>
          {children(() => setOpen(false))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Cancel (closes the dialog) + the form's submit button. */
export function FormDialogFooter({ cancelLabel, children }: { cancelLabel: ReactNode; children: ReactNode }) {
  return (
    <div className="flex justify-end gap-2">
      <Dialog.Close asChild>
        <Button type="button" variant="outline">
          {cancelLabel}
        </Button>
      </Dialog.Close>
      {children}
    </div>
  );
}
