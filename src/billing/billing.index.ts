import { createRouter } from "../http/openapi";
import * as handlers from "./billing.handlers";
import * as routes from "./billing.routes";

export const billingApi = createRouter()
  .openapi(routes.listCharges, handlers.listCharges)
  .openapi(routes.getRateCards, handlers.getRateCards)
  .openapi(routes.listInvoices, handlers.listInvoices)
  .openapi(routes.getInvoice, handlers.getInvoice)
  .openapi(routes.listInvoiceLines, handlers.listInvoiceLines)
  .openapi(routes.exportInvoiceLines, handlers.exportInvoiceLines);

export const billingAdmin = createRouter()
  .openapi(routes.createRateCard, handlers.createRateCard)
  .openapi(routes.listRateCards, handlers.listRateCards);
