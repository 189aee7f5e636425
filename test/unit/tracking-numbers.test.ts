import { describe, expect, it } from "vitest";
import {
  isValidDhl,
  isValidFedex,
  isValidS10,
  isValidTrackingNumber,
  isValidUps,
  isValidUsps,
} from "../../src/simulator/tracking-numbers";

describe("check digits against published numbers", () => {
  it("accepts S10 ids from several posts", () => {
    // 47312482 → 9 is the worked example S10 write-ups quote; EB… are the s10 package's
    // examples and RB… is from tracking_number_data's test numbers.
    for (const n of ["RR473124829GB", "EB000717595HK", "EB000717618HK", "RB123456785GB"]) {
      expect(isValidS10(n), n).toBe(true);
    }
    expect(isValidS10("EB000717594HK")).toBe(false);
    expect(isValidS10("RB123456786US")).toBe(false);
    // Australia Post holds the suffix to AU; any other post's id is not its own.
    expect(isValidTrackingNumber("auspost", "RR473124829GB")).toBe(false);
    expect(isValidTrackingNumber("auspost", "RR473124829AU")).toBe(true);
  });

  it("folds the S10 remainders that are not one digit: 10 to 0 and 11 to 5", () => {
    // 00000000 weighs 0: 11 - 0 = 11, written 5.
    expect(isValidS10("PP000000005AU")).toBe(true);
    // 00001010 weighs 1×3 + 1×9 = 12 ≡ 1 (mod 11): 11 - 1 = 10, written 0.
    expect(isValidS10("PP000010100AU")).toBe(true);
    expect(isValidS10("PP000010101AU")).toBe(false);
  });

  it("accepts UPS numbers, letters read as digits", () => {
    // 1Z999AA10123456784 is UPS's own sample, 1Z5915806855587736 Algorithm::CheckDigits'
    // example, and the rest tracking_number_data's test numbers, letters in the shipper.
    for (const n of [
      "1Z999AA10123456784",
      "1Z5915806855587736",
      "1Z5R89390357567127",
      "1Z879E930346834440",
      "1Z410E7W0392751591",
      "1Z8V92A70367203024",
    ]) {
      expect(isValidUps(n), n).toBe(true);
    }
    expect(isValidUps("1Z999AA10123456785")).toBe(false);
    expect(isValidUps("1Z1111111111111111")).toBe(false);
    expect(isValidUps("2Z5R89390357567127")).toBe(false);
  });

  it("accepts FedEx Express numbers", () => {
    // 123456789012 is the number in FedEx's Track API examples; the rest are
    // tracking_number_data's test numbers, like the DHL and USPS ones below.
    for (const n of ["123456789012", "986578788855", "477179081230", "799531274483"]) {
      expect(isValidFedex(n), n).toBe(true);
    }
    expect(isValidFedex("996578788855")).toBe(false);
    expect(isValidFedex("12345678901")).toBe(false);
  });

  it("accepts DHL Express waybills", () => {
    for (const n of ["3318810025", "8487135506", "1099255990", "3821724944"]) {
      expect(isValidDhl(n), n).toBe(true);
    }
    for (const n of ["3318810010", "3318810034", "1234567890"]) {
      expect(isValidDhl(n), n).toBe(false);
    }
  });

  it("accepts USPS IMpb numbers", () => {
    for (const n of [
      "9400111201080805483016",
      "9405803699300124287899",
      "9361289878700317633795",
      "9505511069605048600624",
      "9101123456789000000013",
    ]) {
      expect(isValidUsps(n), n).toBe(true);
    }
    expect(isValidUsps("9400111201080805483017")).toBe(false);
    // 20-digit legacy numbers are not IMpb.
    expect(isValidUsps("03071790000523483741")).toBe(false);
  });

  it("is strict about form: no spaces, no lower case, no other carrier's number", () => {
    expect(isValidTrackingNumber("ups", "1z999aa10123456784")).toBe(false);
    expect(isValidTrackingNumber("ups", "1Z 999 AA1 01234 5678 4")).toBe(false);
    expect(isValidTrackingNumber("fedex", "3318810025")).toBe(false);
    expect(isValidTrackingNumber("dhl", "123456789012")).toBe(false);
    expect(isValidTrackingNumber("usps", "1Z999AA10123456784")).toBe(false);
    expect(isValidTrackingNumber("auspost", "")).toBe(false);
  });
});
