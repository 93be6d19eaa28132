import { describe, expect, it } from "vitest";
import { parseAlbumCsv, parseAppleDate, parseCsv, parsePhotoDetails } from "./parse-icloud-csv";

describe("iCloud export CSVs", () => {
  it("parses Apple's date format, always GMT", () => {
    expect(parseAppleDate("Saturday June 4,2022 12:11 PM GMT")?.toISOString()).toBe("2022-06-04T12:11:00.000Z");
    expect(parseAppleDate("Thursday August 29,2013 7:08 AM GMT")?.toISOString()).toBe("2013-08-29T07:08:00.000Z");
    expect(parseAppleDate("Friday October 06,2023 12:11 AM GMT")?.toISOString()).toBe("2023-10-06T00:11:00.000Z");
    expect(parseAppleDate("not a date")).toBeUndefined();
  });

  it("reads Photo Details by column name, with quoted dates holding commas", () => {
    const csv = 'imgName,fileChecksum,favorite,hidden,deleted,originalCreationDate,viewCount,importDate\r\nIMG_7938.HEIC,AfQj57ORF2JIumUCjO+PawZ9nqPg,yes,no,no,"Saturday June 4,2022 12:11 PM GMT",10,"Saturday June 4,2022 12:11 PM GMT"\r\nIMG_0403.MOV,AcQTH38V,no,yes,yes,"Thursday August 29,2013 7:08 AM GMT",0,""\r\n';
    expect(parsePhotoDetails(csv)).toEqual([
      { imgName: "IMG_7938.HEIC", favorite: true, hidden: false, deleted: false, originalCreationDate: new Date("2022-06-04T12:11:00Z") },
      { imgName: "IMG_0403.MOV", favorite: false, hidden: true, deleted: true, originalCreationDate: new Date("2013-08-29T07:08:00Z") },
    ]);
    expect(parsePhotoDetails("")).toEqual([]); // Apple writes empty CSVs too
  });

  it("reads album CSVs and quoted fields", () => {
    expect(parseAlbumCsv("imgName\nphoto1.jpg\nphoto2.jpg")).toEqual(["photo1.jpg", "photo2.jpg"]);
    expect(parseCsv('a,"b ""c"", d"\n')).toEqual([["a", 'b "c", d']]);
  });
});
