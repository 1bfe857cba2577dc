/** The organisation a command names with `--organisation <slug>`, or how to find or make one. */
import type { PrismaClient } from '@plan-tracker/db';
import { CliError } from './cli-error.js';

export interface FoundOrganisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** The organisation with `slug`; a CliError saying how to list and create one when absent. */
export async function findOrganisation(
  prisma: PrismaClient,
  slug: string,
): Promise<FoundOrganisation> {
  const found = await prisma.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!found) {
    throw new CliError(
      `there is no organisation with the slug "${slug}": \`pnpm cli plan:list\` lists the organisations, \`pnpm cli org:create --slug ${slug} --name "…"\` makes one`,
    );
  }
  return found;
}
