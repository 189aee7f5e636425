import { createRouter } from "../http/openapi";
import * as handlers from "./operations.handlers";
import * as routes from "./operations.routes";

export const operationsApi = createRouter()
  .openapi(routes.startPicking, handlers.startPicking)
  .openapi(routes.hold, handlers.hold)
  .openapi(routes.release, handlers.release)
  .openapi(routes.acceptCancellation, handlers.acceptCancellation)
  .openapi(routes.rejectCancellation, handlers.rejectCancellation)
  .openapi(routes.ship, handlers.ship)
  .openapi(routes.track, handlers.track)
  .openapi(routes.trackingEvents, handlers.trackingEvents)
  .openapi(routes.voidShipment, handlers.voidShipment)
  .openapi(routes.adjust, handlers.adjust)
  .openapi(routes.moveCondition, handlers.moveCondition)
  .openapi(routes.receiveInbound, handlers.receiveInbound)
  .openapi(routes.closeInbound, handlers.closeInbound)
  .openapi(routes.recordReturn, handlers.recordReturn)
  .openapi(routes.receiveReturn, handlers.receiveReturn)
  .openapi(routes.processReturn, handlers.processReturn);
