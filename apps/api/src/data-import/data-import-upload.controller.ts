import { Controller, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { PassThrough } from 'node:stream';
import { SessionsService } from '../accounts/sessions.service';
import type { User } from '../accounts/user.entity';
import { AppError, PublicErrorCode } from '../common/errors';
import { DataImportService } from './data-import.service';
import type { ImportProgress, ImportRunReport } from './import-report';
import { ImportRefused } from './source';

const HTTP_STATUS: Partial<Record<string, number>> = {
  [PublicErrorCode.BAD_USER_INPUT]: 400,
  [PublicErrorCode.NOT_FOUND]: 404,
  [PublicErrorCode.CONFLICT]: 409,
};

/** Where the admin page shows a stored report (the form without JavaScript is redirected there). */
export const IMPORT_PAGE = '/comparer/import';

/**
 * Upload of an official file by an administrator, streamed into the importer (never held
 * whole in memory nor on disk).
 * - `POST /data-import/<source>?vintage=…` with the file as the raw body: the answer is
 *   NDJSON, one `{"type":"progress",…}` line while reading and writing, then
 *   `{"type":"report","report":…}` (the page's progress bar reads it).
 * - `POST /data-import` as multipart/form-data (fields `source`, `vintage` before the
 *   `file` part): the page's form without JavaScript; answers 303 to the report page.
 */
@Controller('data-import')
export class DataImportUploadController {
  private readonly logger = new Logger(DataImportUploadController.name);

  constructor(
    private readonly imports: DataImportService,
    private readonly sessions: SessionsService,
  ) {}

  @Post(':source')
  async raw(@Param('source') source: string, @Query('vintage') vintage: string | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.admin(req, res);
    if (!user) return;
    const wanted = vintage?.trim() || null;
    try {
      this.imports.assertRunnable(source, wanted);
    } catch (error) {
      return this.refuse(res, error);
    }
    res.status(200).setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no');
    const total = Number(req.headers['content-length']) || null;
    const line = (value: unknown) => {
      if (!res.destroyed && !res.writableEnded) res.write(`${JSON.stringify(value)}\n`);
    };
    try {
      const report = await this.imports.run(source, complete(req, total), {
        fileName: typeof req.headers['x-file-name'] === 'string' ? decodeURIComponent(req.headers['x-file-name']) : null,
        vintage: wanted,
        user,
        via: 'ADMIN',
        onProgress: (p: ImportProgress) => line({ type: 'progress', ...p, total }),
      });
      line({ type: 'report', report });
    } catch (error) {
      if (!(error instanceof AppError) && !req.destroyed) this.logger.error(error);
      line({ type: 'error', message: error instanceof AppError ? error.message : 'L’import a échoué sur une erreur interne : rien n’a été écrit.' });
    }
    if (!res.destroyed) res.end();
  }

  @Post()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.admin(req, res);
    if (!user) return;
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      res.status(415).type('text/plain; charset=utf-8').send('Envoyez le fichier en multipart/form-data (champ « file »).');
      return;
    }
    const fields: Record<string, string> = {};
    let started: Promise<ImportRunReport> | null = null;
    let failure: unknown = null;
    const parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 200 } });
    parser.on('field', (name, value) => (fields[name] = value.trim()));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || started || failure) return stream.resume();
      const vintage = fields.vintage || null;
      try {
        this.imports.assertRunnable(fields.source ?? '', vintage);
      } catch (error) {
        failure = error;
        return stream.resume();
      }
      // A PassThrough keeps busboy flowing only as fast as the importer reads; a cut upload
      // fails the import instead of importing half a file.
      const body = stream.pipe(new PassThrough({ highWaterMark: 256 * 1024 }));
      stream.on('error', (error) => body.destroy(error));
      parser.on('error', (error) => body.destroy(error));
      req.on('aborted', () => body.destroy(new ImportRefused('Envoi interrompu : rien n’a été importé.')));
      started = this.imports.run(fields.source, body, { fileName: info.filename ?? null, vintage, user, via: 'ADMIN' });
      started.catch((error) => (failure = error));
    });
    parser.on('close', async () => {
      try {
        if (failure) throw failure;
        if (!started) {
          res.status(400).type('text/plain; charset=utf-8').send('Aucun fichier reçu (champ « file »), ou « source » manquant avant le fichier.');
          return;
        }
        const report = await started;
        res.redirect(303, `${IMPORT_PAGE}?rapport=${report.importId}`);
      } catch (error) {
        this.refuse(res, error);
      }
    });
    req.pipe(parser);
  }

  /** Administrators only, and only from this site's own pages (a cross-site form post is refused). */
  private async admin(req: Request, res: Response): Promise<User | null> {
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) {
      res.status(403).type('text/plain; charset=utf-8').send('Envoi refusé : il doit venir des pages d’Essaim.');
      return null;
    }
    const { user } = await this.sessions.resolve(req);
    if (!user) {
      res.status(401).type('text/plain; charset=utf-8').send('Connectez-vous avec un compte administrateur.');
      return null;
    }
    if (user.role !== 'ADMIN') {
      res.status(403).type('text/plain; charset=utf-8').send('Réservé aux administrateurs.');
      return null;
    }
    return user;
  }

  private refuse(res: Response, error: unknown): void {
    if (res.headersSent) return void res.end();
    if (!(error instanceof AppError)) {
      this.logger.error(error);
      res.status(500).type('text/plain; charset=utf-8').send('L’import a échoué sur une erreur interne : rien n’a été écrit.');
      return;
    }
    res
      .status(HTTP_STATUS[error.extensions.code as string] ?? 400)
      .type('text/plain; charset=utf-8')
      .send(error.message);
  }
}

/** The request body, failing (nothing imported) when fewer bytes arrive than announced. */
async function* complete(req: Request, announced: number | null): AsyncGenerator<Buffer> {
  let received = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      received += chunk.length;
      yield chunk;
    }
  } catch {
    throw new ImportRefused(`Envoi interrompu après ${received} octets : rien n’a été importé.`);
  }
  if (announced !== null && received !== announced) {
    throw new ImportRefused(`Envoi incomplet (${received} octets reçus sur ${announced}) : rien n’a été importé.`);
  }
}
