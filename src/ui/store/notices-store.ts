/**
 * Transient messages the app shell shows in a polite live region: progress
 * that had to be recovered, a simulator restart. Not persisted.
 */
import { create } from "zustand";
import type { MessageKey } from "../i18n/en";

export interface Notice {
  id: string;
  message: MessageKey;
  tone: "info" | "warning";
}

interface NoticesState {
  notices: Notice[];
  show(notice: Notice): void;
  dismiss(id: string): void;
}

export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  show: (notice) =>
    set((state) => ({ notices: [...state.notices.filter((n) => n.id !== notice.id), notice] })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
