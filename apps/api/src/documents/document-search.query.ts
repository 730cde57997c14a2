import { SEARCH_CONFIGS } from './document-text';
import { documentViewerParams, editableDocument, visibleDocument } from './document-visibility';

/** The columns of a document row as the service reads them (with its event's title). */
export const DOCUMENT_COLUMNS = `d.id, d.event_id, e.title as event_title, d.title, d.kind, d.visibility,
  d.published_at, d.created_at, d.updated_at, d.version`;

/** A search snippet's match markers: private-use characters no document text carries. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * The documents' search as one statement (the API's, and `npm run bench`'s raw twin):
 * parameters $1–$5 the viewer (documentViewerParams), $6 the words, $7 the limit.
 */
export function documentSearchSql(): string {
  const tsquery = SEARCH_CONFIGS.map((config) => `websearch_to_tsquery('${config}', $6)`).join(
    ' || ',
  );
  return `with q as (select (${tsquery}) as query),
       -- The candidates through the two GIN indexes (title, current files' text): an OR of the
       -- two in one join would read every document (npm run bench measured 6–10 s at 100 000).
       candidates as (
         select d.id from documents d cross join q where d.title_search @@ q.query
         union
         select v.document_id from document_versions v cross join q
          where v.is_current and v.text_search @@ q.query),
       hits as (
         select d.id, max(greatest(
                  ts_rank(d.title_search, q.query) * 2,
                  coalesce(ts_rank(v.text_search, q.query), 0))) as rank,
                (array_agg(v.id order by ts_rank(v.text_search, q.query) desc nulls last)
                  filter (where v.text_search @@ q.query))[1] as best_version
           from candidates c
           join documents d on d.id = c.id
           cross join q
           left join document_versions v
             on v.tenant_id = d.tenant_id and v.document_id = d.id and v.is_current
            and v.text_search @@ q.query
          where ${visibleDocument('d', documentViewerParams(1))}
          group by d.id
          order by rank desc, d.id
          limit $7)
       select ${DOCUMENT_COLUMNS}, ${editableDocument('d', documentViewerParams(1))} as can_edit,
              h.rank::float8 as rank,
              coalesce(ts_headline('simple', coalesce(t.extracted_text, d.title), q.query,
                         'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2'),
                       '') as snippet
         from hits h cross join q
         join documents d on d.id = h.id
         left join events e on e.tenant_id = d.tenant_id and e.id = d.event_id
         left join document_versions t on t.tenant_id = d.tenant_id and t.id = h.best_version
        order by h.rank desc, d.id`;
}
