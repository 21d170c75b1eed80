import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterView } from '../../../../shared/channels/merge.ts';
import { api } from '../../api/client.ts';
import { fieldName } from '../fixes/fix-text.ts';
import { recordName } from './merge-text.ts';
import type { PanelActions } from './ReviewPanel.tsx';
import type { Review } from './use-review.ts';

export interface ReviewActions extends Omit<PanelActions, 'accept' | 'reject' | 'unmerge'> {
  /** The record marked with X, for "not the same" (N) with another. */
  marked: number | null;
  accept: (target?: number | null) => void;
  reject: (target?: number | null) => void;
  unmerge: (target?: number | null) => void;
}

/**
 * The decisions of the review as the buttons and keys call them: which
 * channel, which group (the key's row, else the open group) and where to go
 * afterwards, and the sentence that says what happened.
 */
export function useReviewActions({ review, cluster, onNotice }: {
  review: Review; cluster: ClusterView | null; onNotice: (n: { text: string; ok: boolean }) => void;
}): ReviewActions {
  const { t } = useTranslation();
  const [marked, setMarked] = useState<{ cluster: number; member: number } | null>(null);
  const c = cluster;
  const name = (id: number): string => {
    const m = c?.members.find((x) => x.id === id);
    return m ? recordName(t, m) : `#${id}`;
  };
  const said = (text: string) => (r: { batchId: number | null } | null): void => {
    if (r) onNotice(r.batchId === null ? { text: t('merge.done.nothing'), ok: false } : { text, ok: true });
  };
  const onThis = (target: number | null | undefined): number | null => target ?? review.openId;
  const markedHere = marked && c && marked.cluster === c.id ? marked.member : null;

  return {
    marked: markedHere,
    move: review.move,
    accept: (target) => void review.act(onThis(target), (id) => api.invoke('merge:accept', { clusterId: id }))
      .then((r) => r && said(t('merge.done.accepted', { count: r.changes, golden: r.goldenId }))(r)),
    reject: (target) => {
      let rejected = 0;
      void review.act(onThis(target), (id) => ((rejected = id), api.invoke('merge:reject', { clusterId: id }))).then((r) => said(t('merge.done.rejected', { id: rejected }))(r));
    },
    unmerge: (target) => {
      let golden = 0;
      void review.act(onThis(target), (id) => {
        golden = c && c.id === id && c.goldenId !== null ? c.goldenId : id;
        return api.invoke('merge:unmerge', { goldenId: golden });
      }).then((r) => said(t('merge.done.unmerged', { golden }))(r));
    },
    split: (member) => {
      if (!c) return;
      const text = c.status === 'merged' ? t('merge.done.tookOut', { record: name(member), golden: c.goldenId }) : t('merge.done.split', { record: name(member) });
      void review.act(c.id, (id) => (c.status === 'merged' && c.goldenId !== null
        ? api.invoke('merge:unmerge', { goldenId: c.goldenId, customerId: member })
        : api.invoke('merge:split', { clusterId: id, customerId: member })), (r) => (c.status === 'merged' ? r.goldenId ?? 'next' : r.clusters[0] ?? 'next')).then(said(text));
    },
    mark: (member) => setMarked(markedHere === member || !c ? null : { cluster: c.id, member }),
    notSame: (member) => {
      if (!c) return;
      const other = markedHere ?? c.master.id;
      if (other === member) return;
      const text = t('merge.done.notSame', { a: name(other), b: name(member) });
      setMarked(null);
      void review.act(c.id, () => api.invoke('merge:not-same', { a: other, b: member }), (r) => r.clusters[0] ?? 'next').then(said(text));
    },
    pick: (field, member) => {
      if (!c) return;
      const text = member === null ? t('merge.done.unpicked', { field: fieldName(t, field) }) : t('merge.done.picked', { field: fieldName(t, field), record: name(member) });
      void review.act(c.id, (id) => api.invoke('merge:pick', { clusterId: id, field, customerId: member }), () => 'stay').then(said(text));
    },
  };
}
