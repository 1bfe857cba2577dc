/** The organisation a command names with `--organisation <slug>`. */
import type { PrismaClient } from '@plan-tracker/db';
import { CliError } from './cli-error.js';

export interface FoundOrganisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** The organisation with `slug`; a CliError when there is none. */
export async function findOrganisation(
  prisma: PrismaClient,
  slug: string,
): Promise<FoundOrganisation> {
  const found = await prisma.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true },
  });
  if (!found) {
    throw new CliError(`there is no organisation with the slug "${slug}"`);
  }
  return found;
}
