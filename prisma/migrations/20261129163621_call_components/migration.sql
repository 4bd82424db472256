-- CreateTable
CREATE TABLE "_ApplicationCallToComponent" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_ApplicationCallToComponent_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "_ApplicationCallToComponent_B_index" ON "_ApplicationCallToComponent"("B");

-- AddForeignKey
ALTER TABLE "_ApplicationCallToComponent" ADD CONSTRAINT "_ApplicationCallToComponent_A_fkey" FOREIGN KEY ("A") REFERENCES "ApplicationCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ApplicationCallToComponent" ADD CONSTRAINT "_ApplicationCallToComponent_B_fkey" FOREIGN KEY ("B") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
