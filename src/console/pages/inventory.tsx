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

interface StockRow {
  sku: string;
  updatedAt: string;
  stock: SkuView["warehouses"][number];
}

const STOCK_COLUMNS: Column<StockRow>[] = [
  { label: "SKU", cell: (r) => <code>{r.sku}</code> },
  { label: "On hand", num: true, cell: (r) => r.stock.on_hand },
  { label: "Available", num: true, cell: (r) => r.stock.available },
  { label: "Allocated", num: true, cell: (r) => r.stock.allocated },
  { label: "Incoming", num: true, cell: (r) => r.stock.incoming },
  { label: "Backordered", num: true, cell: (r) => r.stock.backordered },
  { label: "Quarantine", num: true, cell: (r) => r.stock.quarantine },
  { label: "Damaged", num: true, cell: (r) => r.stock.damaged },
  { label: "Expired", num: true, cell: (r) => r.stock.expired },
  { label: "SKU updated", cell: (r) => <Time at={r.updatedAt} /> },
];

/** The API lists stock per SKU; the console turns a page of it around, per warehouse. */
function byWarehouse(skus: SkuView[]) {
  const warehouses = new Map<string, StockRow[]>();
  for (const item of skus) {
    for (const stock of item.warehouses) {
      const rows = warehouses.get(stock.warehouse_id) ?? [];
      rows.push({ sku: item.sku, updatedAt: item.updated_at, stock });
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
        are held apart from on hand and never allocated.
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
