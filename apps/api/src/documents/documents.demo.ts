import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { documentKey, type ObjectStore } from '../storage/storage';

/** A one-page PDF of a title and paragraphs, as the demo's documents. */
function demoPdf(title: string, paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(18).text(title).moveDown();
    for (const paragraph of paragraphs) pdf.fontSize(11).text(paragraph).moveDown(0.5);
    pdf.end();
  });
}

interface DemoFile {
  language: string;
  fileName: string;
  title: string;
  paragraphs: string[];
}

interface DemoDocument {
  title: string;
  kind: string;
  visibility: string;
  /** Each inner list is one language's versions, oldest first. */
  files: DemoFile[][];
  draft?: boolean;
}

const REPORT: DemoDocument = {
  title: 'Meeting report: national workshop on prosecution and adjudication',
  kind: 'meeting_report',
  visibility: 'public',
  files: [
    [
      {
        language: 'en',
        fileName: 'meeting-report.pdf',
        title: 'Meeting report',
        paragraphs: [
          'Thirty-two judges and prosecutors from Kenya examined the prosecution and adjudication of terrorism cases, including the use of electronic evidence gathered abroad.',
          'Participants recommended a bench book on terrorism trials, a focal point for mutual legal assistance in each prosecution office, and refresher training on witness protection.',
        ],
      },
    ],
  ],
};

const EVENT_DOCUMENTS: DemoDocument[] = [
  REPORT,
  {
    title: 'Presentation: electronic evidence across borders',
    kind: 'presentation',
    visibility: 'participants',
    files: [
      [
        {
          language: 'en',
          fileName: 'electronic-evidence.pdf',
          title: 'Electronic evidence across borders',
          paragraphs: ['Preservation requests, mutual legal assistance and the chain of custody.'],
        },
      ],
      [
        {
          language: 'fr',
          fileName: 'preuve-electronique.pdf',
          title: 'La preuve électronique au-delà des frontières',
          paragraphs: ['Demandes de conservation, entraide judiciaire et chaîne de possession.'],
        },
      ],
    ],
  },
  {
    title: 'Concept note',
    kind: 'concept_note',
    visibility: 'staff_and_experts',
    files: [
      [
        {
          language: 'en',
          fileName: 'concept-note-v1.pdf',
          title: 'Concept note (first draft)',
          paragraphs: ['Objectives, audience and methodology of the workshop: first draft.'],
        },
        {
          language: 'en',
          fileName: 'concept-note.pdf',
          title: 'Concept note',
          paragraphs: [
            'Objectives, audience and methodology of the workshop, as agreed with the host.',
          ],
        },
      ],
    ],
  },
  {
    title: 'Budget and logistics note',
    kind: 'other',
    visibility: 'staff',
    files: [
      [
        {
          language: 'en',
          fileName: 'logistics.pdf',
          title: 'Budget and logistics',
          paragraphs: ['Venue, interpretation and travel of the participants.'],
        },
      ],
    ],
  },
];

const LIBRARY: DemoDocument[] = [
  {
    title: 'Legal training curriculum on counter-terrorism: module 4, edition 2024',
    kind: 'other',
    visibility: 'public',
    files: [
      [
        {
          language: 'en',
          fileName: 'curriculum-module-4-2021.pdf',
          title: 'Module 4: the criminal justice response (2021 edition)',
          paragraphs: [
            'The second edition of the module on investigation, prosecution and adjudication.',
          ],
        },
        {
          language: 'en',
          fileName: 'curriculum-module-4-2024.pdf',
          title: 'Module 4: the criminal justice response (2024 edition)',
          paragraphs: [
            'The third edition, with a chapter on battlefield evidence and online propaganda.',
          ],
        },
      ],
      [
        {
          language: 'es',
          fileName: 'curriculo-modulo-4-2024.pdf',
          title: 'Módulo 4: la respuesta de la justicia penal (edición de 2024)',
          paragraphs: ['Tercera edición, con un capítulo sobre pruebas del campo de batalla.'],
        },
      ],
    ],
  },
  {
    title: 'Trainers’ handbook for expert group meetings',
    kind: 'other',
    visibility: 'staff_and_experts',
    files: [
      [
        {
          language: 'en',
          fileName: 'trainers-handbook.pdf',
          title: 'Trainers’ handbook',
          paragraphs: ['How to prepare, moderate and report an expert group meeting.'],
        },
      ],
    ],
  },
];

/**
 * The demo's documents: the reported workshop's published meeting report (the expert as its
 * rapporteur), a presentation in English and French, a concept note in two versions, a staff
 * note, and two library editions. Their text is extracted by the worker once the app runs.
 */
export async function seedDocumentsDemo(
  dataSource: DataSource,
  store: ObjectStore,
  tenantId: string,
  people: { officer: string | null; expert: string | null },
): Promise<void> {
  const [event] = await inTransaction(dataSource, { tenantId }, (m) =>
    sql<{ id: string }>(
      m,
      `select id from events where status = 'reported' order by starts_at desc limit 1`,
    ),
  );
  if (event && people.expert) {
    await inTransaction(dataSource, { tenantId }, (m) =>
      sql(
        m,
        `insert into expert_assignments (tenant_id, event_id, user_id, role, status, asked_by,
                                         answered_at)
         values ($1, $2, $3, 'rapporteur', 'accepted', $4, now())
         on conflict do nothing`,
        [tenantId, event.id, people.expert, people.officer],
      ),
    );
  }
  const documents = [
    ...(event ? EVENT_DOCUMENTS.map((document) => ({ document, eventId: event.id })) : []),
    ...LIBRARY.map((document) => ({ document, eventId: null as string | null })),
  ];
  for (const { document, eventId } of documents) {
    const uploader = document.kind === 'meeting_report' ? people.expert : people.officer;
    const written: { key: string; bytes: Buffer }[] = [];
    await inTransaction(dataSource, { tenantId }, async (m) => {
      const [row] = await sql<{ id: string }>(
        m,
        `insert into documents (tenant_id, event_id, title, kind, visibility, published_at,
                                published_by, created_by, created_at)
         values ($1, $2, $3, $4, $5, case when $6 then now() end, case when $6 then $7::uuid end,
                 $8, now() - interval '20 days')
         returning id`,
        [
          tenantId,
          eventId,
          document.title,
          document.kind,
          document.visibility,
          !document.draft,
          people.officer,
          uploader,
        ],
      );
      if (!row) throw new Error('no demo document');
      for (const versions of document.files) {
        for (const [index, file] of versions.entries()) {
          const bytes = await demoPdf(file.title, file.paragraphs);
          const [version] = await sql<{ id: string }>(
            m,
            `insert into document_versions (tenant_id, document_id, language, number, storage_key,
                                            file_name, content_type, size_bytes, sha256,
                                            uploaded_by, uploaded_at, is_current)
             values ($1, $2, $3, $4, 'pending', $5, 'application/pdf', $6, $7, $8,
                     now() - make_interval(days => $9), $10)
             returning id`,
            [
              tenantId,
              row.id,
              file.language,
              index + 1,
              file.fileName,
              bytes.length,
              createHash('sha256').update(bytes).digest(),
              uploader,
              (versions.length - index) * 5,
              index === versions.length - 1,
            ],
          );
          if (!version) throw new Error('no demo version');
          const key = documentKey(tenantId, row.id, version.id);
          await sql(m, `update document_versions set storage_key = $2 where id = $1`, [
            version.id,
            key,
          ]);
          await sql(m, `insert into document_text_jobs (tenant_id, version_id) values ($1, $2)`, [
            tenantId,
            version.id,
          ]);
          written.push({ key, bytes });
        }
      }
    });
    for (const file of written) await store.put(file.key, file.bytes, 'application/pdf');
  }
}
