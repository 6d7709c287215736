/**
 * What a reader can change in the subnet explorer, and how it is written in
 * a link (`?subnet.cidr=10.0.0.0/16&subnet.split=10.0.0.0/16&subnet.cloud=1`).
 */
import { booleanParam, listParam, optionalIntegerParam, stringParam } from "../../hooks/use-url-state";
import type { UrlCodecs } from "../../hooks/use-url-state";

export interface ExplorerState {
  /** The text in the address field, exactly as typed. */
  cidr: string;
  /** The blocks that are divided in the split table (canonical CIDRs). */
  split: readonly string[];
  /** AWS VPC reservations on. */
  cloud: boolean;
  /** The answer to "How many subnets do you need?", or null when empty. */
  borrow: number | null;
}

/** Props the lesson directive maps to (all optional). */
export interface SubnetExplorerProps {
  /** Namespace of this widget's URL parameters; distinct per widget on a page. */
  id?: string;
  cidr?: string;
  cloud?: boolean;
  borrow?: number;
  /** Comma-separated CIDRs that start divided, e.g. "10.0.0.0/16,10.0.0.0/17". */
  split?: string;
}

export const DEFAULT_NAMESPACE = "subnet";
export const DEFAULT_CIDR = "192.168.1.9/24";
/** Large enough for any lesson, small enough that the list and the URL stay readable. */
export const MAX_SUBNETS_WANTED = 1_000_000;

export const explorerCodecs: UrlCodecs<ExplorerState> = {
  cidr: stringParam,
  split: listParam,
  cloud: booleanParam,
  borrow: optionalIntegerParam(1, MAX_SUBNETS_WANTED),
};

/** The directive's attributes as the state a fresh page starts from. */
export function defaultsFromProps(props: SubnetExplorerProps): ExplorerState {
  const borrow = props.borrow !== undefined && Number.isInteger(props.borrow) && props.borrow >= 1 ? props.borrow : null;
  return {
    cidr: props.cidr ?? DEFAULT_CIDR,
    split: listParam.parse(props.split ?? "") ?? [],
    cloud: props.cloud ?? false,
    borrow,
  };
}
