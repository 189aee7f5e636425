import { type ConsoleContext, outcome } from "../api";
import { Field, SelectField } from "../components/fields";
import { Filters } from "../components/filters";
import { ListOrderToggle, listOrderOf } from "../components/list-order";
import { RefusedUnlessPlaced } from "../components/messages";
import { PAGE_SIZE, Pager } from "../components/pager";
import { type Column, DataTable } from "../components/table";
import { Empty, Time } from "../components/values";
import { filtersOf, noticeOf } from "../forms";
import { render } from "../layout";
import type { SkuView } from "../views";

const FILTERS = ["warehouse_id", "sku", "updated_since"] as const;

type WarehouseView = SkuView["warehouses"][number];
type LotView = NonNullable<WarehouseView["lots"]>[number];

/** A SKU's stock in one warehouse, or one of its lots, shown under it. */
interface StockRow {
  sku: string;
  updatedAt: string;
  stock: WarehouseView | LotView;
}

const isLot = (stock: StockRow["stock"]): stock is LotView => "lot" in stock;

const STOCK_COLUMNS: Column<StockRow>[] = [
  {
    label: "SKU",
    cell: (r) => (isLot(r.stock) ? <span class="meta">lot</span> : <code>{r.sku}</code>),
  },
  { label: "Lot", cell: (r) => (isLot(r.stock) ? <code>{r.stock.lot}</code> : null) },
  { label: "Expires", cell: (r) => (isLot(r.stock) ? (r.stock.expires_on ?? "—") : null) },
  { label: "On hand", num: true, cell: (r) => r.stock.on_hand },
  { label: "Available", num: true, cell: (r) => r.stock.available },
  { label: "Allocated", num: true, cell: (r) => r.stock.allocated },
  { label: "Incoming", num: true, cell: (r) => (isLot(r.stock) ? null : r.stock.incoming) },
  { label: "Backordered", num: true, cell: (r) => (isLot(r.stock) ? null : r.stock.backordered) },
  { label: "Quarantine", num: true, cell: (r) => r.stock.quarantine },
  { label: "Damaged", num: true, cell: (r) => r.stock.damaged },
  { label: "Expired", num: true, cell: (r) => r.stock.expired },
  { label: "SKU updated", cell: (r) => (isLot(r.stock) ? null : <Time at={r.updatedAt} />) },
];

/**
 * The API lists stock per SKU; the console turns a page of it around, per warehouse, each
 * SKU followed by its lots, first expiry first.
 */
function byWarehouse(skus: SkuView[]) {
  const warehouses = new Map<string, StockRow[]>();
  for (const item of skus) {
    for (const stock of item.warehouses) {
      const rows = warehouses.get(stock.warehouse_id) ?? [];
      const of = { sku: item.sku, updatedAt: item.updated_at };
      rows.push({ ...of, stock }, ...(stock.lots ?? []).map((lot) => ({ ...of, stock: lot })));
      warehouses.set(stock.warehouse_id, rows);
    }
  }
  return [...warehouses].sort(([a], [b]) => a.localeCompare(b));
}

function WarehouseStock(props: { skus: SkuView[]; only?: string }) {
  const groups = byWarehouse(props.skus).filter(([id]) => !props.only || id === props.only);
  if (groups.length === 0) return <Empty text="No stock recorded." />;
  return (
    <>
      {groups.map(([warehouse, rows]) => (
        <section aria-labelledby={`wh-${warehouse}`}>
          <h2 id={`wh-${warehouse}`}>{warehouse}</h2>
          <DataTable label={`Stock in ${warehouse}`} rows={rows} columns={STOCK_COLUMNS} />
        </section>
      ))}
    </>
  );
}

export async function inventoryPage(c: ConsoleContext) {
  const filters = filtersOf(c, FILTERS);
  const order = listOrderOf(c);
  const [listed, warehouses] = await Promise.all([
    outcome(
      c.var.api.v1.inventory.$get({
        query: {
          ...filters,
          cursor: c.req.query("cursor") || undefined,
          limit: String(PAGE_SIZE),
          order,
          by: "lot",
        },
      }),
    ),
    outcome(c.var.api.v1.warehouses.$get({ query: { limit: "200" } })),
  ]);
  const failure = listed.ok ? undefined : listed;
  const choices = warehouses.ok
    ? warehouses.body.data.map((w) => ({ value: w.id, label: `${w.name} (${w.id})` }))
    : [];
  return render(
    c,
    { title: "Inventory", section: "inventory", notice: noticeOf(c), status: listed.status },
    <>
      <h1>Inventory</h1>
      <p class="lead">
        Per warehouse: available is on hand less allocated. Quarantined, damaged and expired units
        are held apart from on hand and never allocated. A lot-tracked SKU lists its lots under it,
        first expiry first: orders take them in that order.
      </p>
      <ListOrderToggle base="/console/inventory" filters={filters} order={order} />
      <Filters action="/console/inventory" label="Filter inventory" order={order}>
        <SelectField
          name="warehouse_id"
          label="Warehouse"
          value={filters.warehouse_id}
          options={choices}
          blank="Every warehouse"
          failure={failure}
        />
        <Field name="sku" label="SKU" value={filters.sku} failure={failure} />
        <Field
          name="updated_since"
          label="Updated since"
          value={filters.updated_since}
          placeholder="2026-07-02"
          failure={failure}
        />
      </Filters>
      {listed.ok ? (
        <>
          <WarehouseStock skus={listed.body.data} only={filters.warehouse_id} />
          <Pager
            base="/console/inventory"
            filters={{ ...filters, order }}
            nextCursor={listed.body.pagination.next_cursor}
          />
        </>
      ) : (
        <RefusedUnlessPlaced failure={listed} names={FILTERS} what="inventory" />
      )}
    </>,
  );
}
